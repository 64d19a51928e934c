namespace CustomerAnalytics.Data;

/// <summary>
/// One browsing session of the propensity dataset: the user, 23 yes/no behaviour flags, and whether the
/// session ended in an order (null in scoring files, which have no label).
/// </summary>
public sealed record SessionRecord
{
    /// <summary>User identifier.</summary>
    public required string UserId { get; init; }
    /// <summary>Clicked the basket icon.</summary>
    public bool BasketIconClick { get; init; }
    /// <summary>Added to basket from a product list.</summary>
    public bool BasketAddList { get; init; }
    /// <summary>Added to basket from a product page.</summary>
    public bool BasketAddDetail { get; init; }
    /// <summary>Sorted a list.</summary>
    public bool SortBy { get; init; }
    /// <summary>Used the image picker.</summary>
    public bool ImagePicker { get; init; }
    /// <summary>Clicked the account page.</summary>
    public bool AccountPageClick { get; init; }
    /// <summary>Clicked a promotion banner.</summary>
    public bool PromoBannerClick { get; init; }
    /// <summary>Added to the wishlist from a product page.</summary>
    public bool DetailWishlistAdd { get; init; }
    /// <summary>Changed the list size.</summary>
    public bool ListSizeDropdown { get; init; }
    /// <summary>Closed the mini basket.</summary>
    public bool ClosedMinibasketClick { get; init; }
    /// <summary>Checked delivery details.</summary>
    public bool CheckedDeliveryDetail { get; init; }
    /// <summary>Checked returns details.</summary>
    public bool CheckedReturnsDetail { get; init; }
    /// <summary>Signed in.</summary>
    public bool SignIn { get; init; }
    /// <summary>Reached the checkout.</summary>
    public bool SawCheckout { get; init; }
    /// <summary>Looked at size charts.</summary>
    public bool SawSizecharts { get; init; }
    /// <summary>Looked at delivery information.</summary>
    public bool SawDelivery { get; init; }
    /// <summary>Saw the account upgrade offer.</summary>
    public bool SawAccountUpgrade { get; init; }
    /// <summary>Saw the home page.</summary>
    public bool SawHomepage { get; init; }
    /// <summary>On a mobile phone.</summary>
    public bool DeviceMobile { get; init; }
    /// <summary>On a computer.</summary>
    public bool DeviceComputer { get; init; }
    /// <summary>On a tablet.</summary>
    public bool DeviceTablet { get; init; }
    /// <summary>Had visited before.</summary>
    public bool ReturningUser { get; init; }
    /// <summary>Located in the UK.</summary>
    public bool LocUk { get; init; }
    /// <summary>The label: the session ended in an order; null when the file has no label.</summary>
    public bool? Ordered { get; init; }

    /// <summary>Feature names in <see cref="ToFeatureVector"/> order (the file's column order).</summary>
    public static IReadOnlyList<string> FeatureNames => DatasetSchemas.PropensityFeatures;

    /// <summary>The 23 flags as 0/1 floats in <see cref="FeatureNames"/> order, as ML.NET and TorchSharp take them.</summary>
    public float[] ToFeatureVector() =>
    [
        F(BasketIconClick), F(BasketAddList), F(BasketAddDetail), F(SortBy), F(ImagePicker), F(AccountPageClick),
        F(PromoBannerClick), F(DetailWishlistAdd), F(ListSizeDropdown), F(ClosedMinibasketClick), F(CheckedDeliveryDetail),
        F(CheckedReturnsDetail), F(SignIn), F(SawCheckout), F(SawSizecharts), F(SawDelivery), F(SawAccountUpgrade),
        F(SawHomepage), F(DeviceMobile), F(DeviceComputer), F(DeviceTablet), F(ReturningUser), F(LocUk),
    ];

    private static float F(bool b) => b ? 1f : 0f;

    /// <summary>Maps a row of a table loaded with <see cref="DatasetSchemas.PropensitySessions"/> (UserID, the 23
    /// features, then <c>ordered</c> when the file has it), by column position.</summary>
    internal static SessionRecord FromRecord(System.Data.IDataRecord r)
    {
        bool F(int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) == 1;
        return new()
        {
            UserId = r.GetString(0),
            BasketIconClick = F(1),
            BasketAddList = F(2),
            BasketAddDetail = F(3),
            SortBy = F(4),
            ImagePicker = F(5),
            AccountPageClick = F(6),
            PromoBannerClick = F(7),
            DetailWishlistAdd = F(8),
            ListSizeDropdown = F(9),
            ClosedMinibasketClick = F(10),
            CheckedDeliveryDetail = F(11),
            CheckedReturnsDetail = F(12),
            SignIn = F(13),
            SawCheckout = F(14),
            SawSizecharts = F(15),
            SawDelivery = F(16),
            SawAccountUpgrade = F(17),
            SawHomepage = F(18),
            DeviceMobile = F(19),
            DeviceComputer = F(20),
            DeviceTablet = F(21),
            ReturningUser = F(22),
            LocUk = F(23),
            Ordered = r.FieldCount > 24 ? F(24) : null,
        };
    }
}

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

    /// <summary>Maps a row of <see cref="DatasetSchemas.PropensitySessions"/> (ordinal 0 UserID, 1–23 features, 24 ordered).</summary>
    internal static SessionRecord FromRow(TypedRow r) => new()
    {
        UserId = r.GetString(0)!,
        BasketIconClick = r.GetBoolean(1),
        BasketAddList = r.GetBoolean(2),
        BasketAddDetail = r.GetBoolean(3),
        SortBy = r.GetBoolean(4),
        ImagePicker = r.GetBoolean(5),
        AccountPageClick = r.GetBoolean(6),
        PromoBannerClick = r.GetBoolean(7),
        DetailWishlistAdd = r.GetBoolean(8),
        ListSizeDropdown = r.GetBoolean(9),
        ClosedMinibasketClick = r.GetBoolean(10),
        CheckedDeliveryDetail = r.GetBoolean(11),
        CheckedReturnsDetail = r.GetBoolean(12),
        SignIn = r.GetBoolean(13),
        SawCheckout = r.GetBoolean(14),
        SawSizecharts = r.GetBoolean(15),
        SawDelivery = r.GetBoolean(16),
        SawAccountUpgrade = r.GetBoolean(17),
        SawHomepage = r.GetBoolean(18),
        DeviceMobile = r.GetBoolean(19),
        DeviceComputer = r.GetBoolean(20),
        DeviceTablet = r.GetBoolean(21),
        ReturningUser = r.GetBoolean(22),
        LocUk = r.GetBoolean(23),
        Ordered = r.IsNull(24) ? null : r.GetBoolean(24),
    };
}

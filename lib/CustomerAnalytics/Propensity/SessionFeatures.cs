using CustomerAnalytics.Data;

namespace CustomerAnalytics.Propensity;

/// <summary>Sets one feature of a <see cref="SessionRecord"/> by its column name.</summary>
internal static class SessionFeatures
{
    public static SessionRecord With(SessionRecord s, string feature, bool value) => feature switch
    {
        "basket_icon_click" => s with { BasketIconClick = value },
        "basket_add_list" => s with { BasketAddList = value },
        "basket_add_detail" => s with { BasketAddDetail = value },
        "sort_by" => s with { SortBy = value },
        "image_picker" => s with { ImagePicker = value },
        "account_page_click" => s with { AccountPageClick = value },
        "promo_banner_click" => s with { PromoBannerClick = value },
        "detail_wishlist_add" => s with { DetailWishlistAdd = value },
        "list_size_dropdown" => s with { ListSizeDropdown = value },
        "closed_minibasket_click" => s with { ClosedMinibasketClick = value },
        "checked_delivery_detail" => s with { CheckedDeliveryDetail = value },
        "checked_returns_detail" => s with { CheckedReturnsDetail = value },
        "sign_in" => s with { SignIn = value },
        "saw_checkout" => s with { SawCheckout = value },
        "saw_sizecharts" => s with { SawSizecharts = value },
        "saw_delivery" => s with { SawDelivery = value },
        "saw_account_upgrade" => s with { SawAccountUpgrade = value },
        "saw_homepage" => s with { SawHomepage = value },
        "device_mobile" => s with { DeviceMobile = value },
        "device_computer" => s with { DeviceComputer = value },
        "device_tablet" => s with { DeviceTablet = value },
        "returning_user" => s with { ReturningUser = value },
        "loc_uk" => s with { LocUk = value },
        _ => throw new PropensityInputException($"'{feature}' is not a session feature. Features: {string.Join(", ", SessionRecord.FeatureNames)}.", feature),
    };
}

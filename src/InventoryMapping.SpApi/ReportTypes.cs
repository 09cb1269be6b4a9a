namespace InventoryMapping.SpApi;

public static class ReportTypes
{
    /// <summary>The All Listings Report: every listing, active or not, as a TAB-separated flat file.</summary>
    public const string MerchantListingsAllData = "GET_MERCHANT_LISTINGS_ALL_DATA";
}

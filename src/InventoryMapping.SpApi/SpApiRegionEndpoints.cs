namespace InventoryMapping.SpApi;

/// <summary>The SP-API host of each region (<c>SpApi:Endpoints</c>): Amazon's production hosts unless set (the sandbox locally).</summary>
public sealed class SpApiRegionEndpoints
{
    public Uri NA { get; set; } = SpApiEndpoint.NorthAmerica.ApiBaseUri;

    public Uri EU { get; set; } = SpApiEndpoint.Europe.ApiBaseUri;

    public Uri FE { get; set; } = SpApiEndpoint.FarEast.ApiBaseUri;

    /// <exception cref="ArgumentOutOfRangeException">Not NA, EU or FE.</exception>
    public Uri For(string region) => region.ToUpperInvariant() switch
    {
        "NA" => NA,
        "EU" => EU,
        "FE" => FE,
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "An SP-API region is NA, EU or FE."),
    };
}

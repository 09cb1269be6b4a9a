namespace InventoryMapping.SpApi;

/// <summary>Where a selling partner's region is served: the SP-API host and the Login with Amazon token endpoint.</summary>
public sealed record SpApiEndpoint(Uri ApiBaseUri, Uri TokenUri)
{
    public static readonly Uri LwaTokenUri = new("https://api.amazon.com/auth/o2/token");

    public static SpApiEndpoint NorthAmerica { get; } = new(new Uri("https://sellingpartnerapi-na.amazon.com"), LwaTokenUri);

    public static SpApiEndpoint Europe { get; } = new(new Uri("https://sellingpartnerapi-eu.amazon.com"), LwaTokenUri);

    public static SpApiEndpoint FarEast { get; } = new(new Uri("https://sellingpartnerapi-fe.amazon.com"), LwaTokenUri);
}

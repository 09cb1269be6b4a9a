namespace InventoryMapping.Channels;

/// <summary>The SP-API region an Amazon account lives in; each has its own endpoint.</summary>
public enum AmazonRegion
{
    NA,
    EU,
    FE,
}

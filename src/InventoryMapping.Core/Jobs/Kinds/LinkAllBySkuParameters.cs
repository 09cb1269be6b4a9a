namespace InventoryMapping.Jobs.Kinds;

/// <summary>What a Link All by SKU job was asked to do (stored on the job, see <see cref="JobDocument"/>).</summary>
internal sealed record LinkAllBySkuParameters(SkuMatchMode Match)
{
    public int Version { get; init; } = 1;
}

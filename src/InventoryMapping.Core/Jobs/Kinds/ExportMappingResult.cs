namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Rows an export wrote, and how many blocks each part staged (part → count; the completion step commits blocks
/// 0 … count − 1 of each part, in part order). A page's result names its own block, so the sum keeps the highest.
/// </summary>
internal sealed record ExportMappingResult(long Rows, IReadOnlyDictionary<int, int> Blocks) : IJobResult<ExportMappingResult>
{
    public int Version { get; init; } = 1;

    public static ExportMappingResult Zero { get; } = new(0, new Dictionary<int, int>());

    public ExportMappingResult Plus(ExportMappingResult other)
    {
        var blocks = new Dictionary<int, int>(Blocks);
        foreach (var (part, count) in other.Blocks)
        {
            blocks[part] = Math.Max(count, blocks.GetValueOrDefault(part));
        }

        return new ExportMappingResult(Rows + other.Rows, blocks);
    }

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long> { [ExportMapping.Rows] = Rows };
}

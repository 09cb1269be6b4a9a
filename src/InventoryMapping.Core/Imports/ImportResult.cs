using InventoryMapping.Jobs;

namespace InventoryMapping.Imports;

/// <summary>
/// What an import did: rows read (by the validation pass), rows that would change (<see cref="ToApply"/>), rows
/// applied (by the apply pass), rows already so, rows rejected; and, when the file itself was refused, why.
/// </summary>
internal sealed record ImportResult(long Rows, long ToApply, long Applied, long Unchanged, long Rejected) : IJobResult<ImportResult>
{
    public int Version { get; init; } = 1;

    /// <summary>Why the whole file was refused (not text, a bad header, an unclosed quote, …), if it was.</summary>
    public string? FileError { get; init; }

    /// <summary>Set by the completion step: the errors CSV (when rows were rejected) and the result document, under imports-results.</summary>
    public string? ErrorsFile { get; init; }

    public string? ResultFile { get; init; }

    public static ImportResult Zero { get; } = new(0, 0, 0, 0, 0);

    public ImportResult Plus(ImportResult other) =>
        new(Rows + other.Rows, ToApply + other.ToApply, Applied + other.Applied, Unchanged + other.Unchanged, Rejected + other.Rejected)
        {
            FileError = FileError ?? other.FileError,
            ErrorsFile = other.ErrorsFile ?? ErrorsFile,
            ResultFile = other.ResultFile ?? ResultFile,
        };

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long>
    {
        ["rows"] = Rows,
        ["toApply"] = ToApply,
        ["applied"] = Applied,
        ["unchanged"] = Unchanged,
        ["rejected"] = Rejected,
    };
}

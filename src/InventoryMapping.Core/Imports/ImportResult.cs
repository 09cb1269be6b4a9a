using InventoryMapping.Jobs;

namespace InventoryMapping.Imports;

/// <summary>
/// What an import did: rows read (by the validation pass), rows that would change (<see cref="ToApply"/>), rows
/// applied (by the apply pass), rows already so, rows rejected (by the validation pass), rows valid when validated
/// but not when applied (<see cref="ChangedMeanwhile"/>); and, when the file itself was refused, why.
/// </summary>
internal sealed record ImportResult(long Rows, long ToApply, long Applied, long Unchanged, long Rejected) : IJobResult<ImportResult>
{
    public int Version { get; init; } = 1;

    /// <summary>Rows the apply pass left because their listing or item changed since they were validated (reported with why).</summary>
    public long ChangedMeanwhile { get; init; }

    /// <summary>Bytes of the file the validation pass has read its rows from (for the progress estimate).</summary>
    public long Bytes { get; init; }

    /// <summary>Whether the validation pass has read the whole file.</summary>
    public bool Validated { get; init; }

    /// <summary>Why the whole file was refused (not text, a bad header, an unclosed quote, …), if it was.</summary>
    public string? FileError { get; init; }

    /// <summary>Set by the completion step: the errors CSV (when rows were rejected) and the result document, under imports-results.</summary>
    public string? ErrorsFile { get; init; }

    public string? ResultFile { get; init; }

    public static ImportResult Zero { get; } = new(0, 0, 0, 0, 0);

    public ImportResult Plus(ImportResult other) =>
        new(Rows + other.Rows, ToApply + other.ToApply, Applied + other.Applied, Unchanged + other.Unchanged, Rejected + other.Rejected)
        {
            ChangedMeanwhile = ChangedMeanwhile + other.ChangedMeanwhile,
            Bytes = Bytes + other.Bytes,
            Validated = Validated || other.Validated,
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
        ["changedMeanwhile"] = ChangedMeanwhile,
    };

    /// <summary>
    /// Rows read and rows applied, each counted once: <c>done</c> is the rows the validation pass has read,
    /// <c>total</c> the file's rows (estimated from the bytes read until the validation pass has read them all),
    /// <c>applied</c> the rows the apply pass has written.
    /// </summary>
    public JobProgress Progress(long fileBytes) =>
        new(Rows, Validated || Bytes == 0 ? Rows : Math.Max(Rows, (long)Math.Round(Rows * (double)fileBytes / Bytes))) { Applied = Applied };
}

using System.Diagnostics.Metrics;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using InventoryMapping.Csv;
using InventoryMapping.Jobs;

namespace InventoryMapping.Imports;

/// <summary>
/// The work source of an import: one part, read record by record from a byte offset, first by the validation pass,
/// then (unless a dry run, or rows were rejected in reject mode) from the first row again by the apply pass. Not
/// <see cref="BlobRanges"/>: a CSV record may span lines (quoted line breaks) and UTF-16 has no byte-level line
/// breaks, so ranges cut at byte newlines would split records; and reject mode must have read every row before it
/// applies any. Every read is of the version the job started on (<see cref="ImportParameters.ETag"/>).
/// </summary>
internal sealed class ImportSource(BlobClient blob, ImportWorkFiles files, JobEntity job, ImportParameters parameters, int pageRows) : IWorkSource<ImportRow>
{
    /// <summary>
    /// The characters of cell text each page holds (only the mapped columns' cells keep text, each at most
    /// <see cref="CsvRecordReader.MaxCellChars"/>): what bounds an import's memory, whatever the size of its file.
    /// </summary>
    public static readonly Histogram<long> PageCharacters = Telemetry.Meter.CreateHistogram<long>(
        "inventorymapping.import.page_characters", "{character}", "Characters of cell text an import page holds in memory");

    public int PartCount => 1;

    public async Task<WorkPage<ImportRow>> ReadAsync(int part, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(part, 0);
        if (cursor is null)
        {
            return await ReadHeaderAsync(cancellationToken);
        }

        var at = ImportCursor.Read(cursor);
        if (at is { Phase: ImportPhase.Apply, Page: 0 } && !ShouldApply(JobDefinition<ImportParameters, ImportResult, ImportRow>.Result(job)))
        {
            return new WorkPage<ImportRow>([], null);
        }

        if (at.Offset >= parameters.Length)
        {
            return new WorkPage<ImportRow>([ImportRow.EndOfPass(at)], Next(at, null));
        }

        // A page where the validation found nothing to change is stepped over, not read again (a re-imported export
        // with a few edits reads the file once and a few pages).
        if (at.Phase == ImportPhase.Apply && await files.ReadKeysAsync(job.JobId, at.Page, cancellationToken) is { } kept && !kept.Keys.Any(k => k.WouldChange))
        {
            return kept.EndsPass
                ? new WorkPage<ImportRow>([ImportRow.EndOfPass(at)], Next(at, null))
                : new WorkPage<ImportRow>([], Next(at, at with { Offset = kept.NextOffset, Line = kept.NextLine }));
        }

        await using var stream = await OpenAsync(at.Offset, cancellationToken);
        var reader = new CsvRecordReader(stream, at.Encoding, at.Delimiter, at.Offset, at.Line, at.Columns.Values.ToHashSet());
        var rows = new List<ImportRow>();
        try
        {
            return await ReadPageAsync(at, reader, rows, cancellationToken);
        }
        finally
        {
            PageCharacters.Record(rows.Sum(r => r.Record?.Cells.Sum(c => (long)c.Text.Length) ?? 0), new KeyValuePair<string, object?>("job.id", job.JobId));
        }
    }

    private async Task<WorkPage<ImportRow>> ReadPageAsync(ImportCursor at, CsvRecordReader reader, List<ImportRow> rows, CancellationToken cancellationToken)
    {
        while (rows.Count < pageRows)
        {
            var record = await reader.ReadAsync(cancellationToken);
            if (record is null)
            {
                rows.Add(ImportRow.EndOfPass(at));
                return new WorkPage<ImportRow>(rows, Next(at, null));
            }

            if (record.UnclosedQuoteLine is { } quoteLine)
            {
                rows.Add(ImportRow.Refused(at, $"A quote opened on line {quoteLine} is never closed: the file is malformed from there on."));
                return new WorkPage<ImportRow>(rows, null);
            }

            rows.Add(new ImportRow(at, record, null));
        }

        var next = at with { Offset = reader.Offset, Line = reader.Line };
        return new WorkPage<ImportRow>(rows, Next(at, next));
    }

    private bool ShouldApply(ImportResult validated) =>
        !parameters.Options.DryRun && validated.FileError is null && (validated.Rejected == 0 || parameters.Options.OnError == ImportOnError.Skip) && validated.ToApply > 0;

    /// <summary>The next page's cursor: on in this pass, or (at the end of the validation) the apply pass from the first row.</summary>
    private string? Next(ImportCursor at, ImportCursor? next)
    {
        if (next is not null)
        {
            return (next with { Page = at.Page + 1 }).Write();
        }

        return at.Phase == ImportPhase.Validate && !parameters.Options.DryRun
            ? (at with { Phase = ImportPhase.Apply, Offset = at.DataOffset, Line = at.DataLine, Page = 0 }).Write()
            : null;
    }

    /// <summary>The first page: the format, the header and its layout, or why the file is refused. It has no rows.</summary>
    private async Task<WorkPage<ImportRow>> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        if (parameters.OptionsError is { } optionsError)
        {
            return Refused(optionsError);
        }

        var head = new byte[(int)Math.Min(CsvFormatDetection.SampleBytes, parameters.Length)];
        if (head.Length > 0)
        {
            await using var sample = await OpenAsync(0, cancellationToken);
            await sample.ReadExactlyAsync(head, cancellationToken);
        }

        var format = CsvFormatDetection.Detect(head, parameters.Length);
        if (!format.IsSuccess)
        {
            return Refused(format.Error.Detail);
        }

        var (encoding, bom, delimiter) = format.Value;
        await using var stream = await OpenAsync(bom, cancellationToken);
        var reader = new CsvRecordReader(stream, encoding, delimiter, bom, startLine: 1);
        var header = await reader.ReadAsync(cancellationToken);
        if (header is null)
        {
            return Refused("The file has no header row.");
        }

        if (header.UnclosedQuoteLine is { } quoteLine)
        {
            return Refused($"A quote opened on line {quoteLine} is never closed: the file is malformed from there on.");
        }

        var names = header.Cells.Select(c => c.Text).ToList();
        var layout = ImportLayout.Of(names, parameters.Options.Columns);
        if (!layout.IsSuccess)
        {
            return Refused(layout.Error.Detail);
        }

        var columns = layout.Value.Columns;
        var at = new ImportCursor(
            ImportPhase.Validate,
            reader.Offset,
            reader.Line,
            Page: 0,
            encoding,
            delimiter,
            columns,
            columns.ToDictionary(c => c.Key, c => CsvValues.Echo(names[c.Value])),
            layout.Value.Width,
            reader.Offset,
            reader.Line);
        return new WorkPage<ImportRow>([], at.Write());
    }

    private static WorkPage<ImportRow> Refused(string reason) => new([ImportRow.Refused(null, reason)], null);

    private async Task<Stream> OpenAsync(long offset, CancellationToken cancellationToken)
    {
        var response = await blob.DownloadStreamingAsync(
            new BlobDownloadOptions
            {
                Range = new HttpRange(offset, parameters.Length - offset),
                Conditions = new BlobRequestConditions { IfMatch = new ETag(parameters.ETag) },
            },
            cancellationToken);
        return response.Value.Content;
    }
}

using System.Globalization;
using System.Text.Json;
using CsvHelper;
using InventoryMapping.Channels;
using InventoryMapping.Jobs;
using InventoryMapping.Mapping;
using InventoryMapping.Storage;

namespace InventoryMapping.Imports;

/// <summary>
/// Imports a mapping CSV into a channel's listings, as a job on the job runner: its one part is read twice, first
/// by the validation pass (every row checked against the listings and items, conflicting duplicates found, nothing
/// written but findings), then by the apply pass (links and Ignore Sync written through <see cref="BulkLinker"/>).
/// In reject mode the apply pass runs only if no row was rejected; a dry run stops after validation. Applying is
/// idempotent (an edit already in place changes nothing), so a crash mid-apply and the re-run end in the same state.
/// The completion step writes the errors CSV and the result document.
/// </summary>
internal sealed class ImportMapping(AppStorage storage, ImportWorkFiles files, ImportRowDecider decider, BulkLinker linker)
    : JobDefinition<ImportParameters, ImportResult, ImportRow>
{
    /// <summary>Rows per page: enough that each listing partition gets a transaction's worth of a bulk file.</summary>
    public const int PageRows = 5_000;

    public override JobKind Kind => JobKind.ImportMapping;

    /// <summary>The file is one part, read in order.</summary>
    public override int PartsInFlight(StorageThroughputOptions throughput) => 1;

    /// <summary>A dry run's findings are in its reported rows and its keys, so it checkpoints every page like a real run.</summary>
    public override bool DryRunReadsWholeParts => false;

    protected override ImportParameters NoParameters => new("", "", 0, ImportOptions.Default);

    protected override IWorkSource<ImportRow> Source(JobEntity job, ImportParameters parameters) =>
        new ImportSource(files.Source(parameters.Name), files, job, parameters, PageRows);

    protected override IPageProcessor<ImportRow, ImportResult> Start(JobEntity job, ImportParameters parameters, Channel? channel) =>
        new Pass(files, decider, linker, job, OnChannel(channel));

    protected override JobView View(ImportParameters parameters, ImportResult result) =>
        new(result.Counters())
        {
            Import = new ImportFiles($"{AppStorage.ImportsContainer}/{parameters.Name}", result.ErrorsFile, result.ResultFile),
            Progress = result.Progress(parameters.Length),
        };

    protected override string? Failure(ImportParameters parameters, ImportResult result) =>
        result.FileError
        ?? (result.Rejected > 0 && parameters.Options.OnError == ImportOnError.Reject
            ? string.Create(CultureInfo.InvariantCulture, $"{result.Rejected:N0} of {result.Rows:N0} rows were rejected, so nothing was applied (onError=reject); the errors file lists them.")
            : null);

    protected override async Task<ImportResult> CompleteAsync(JobEntity job, ImportParameters parameters, ImportResult result, Channel? channel, CancellationToken cancellationToken)
    {
        var folder = parameters.Name[..(parameters.Name.IndexOf('/') + 1)];
        var name = parameters.Name[folder.Length..];
        string? errors = null;
        if (job.ReportedCount > 0)
        {
            errors = folder + ImportWorkFiles.ErrorsName(name, job.JobId);
            await WriteErrorsAsync(job.JobId, errors, cancellationToken);
        }

        var resultName = folder + ImportWorkFiles.ResultName(name, job.JobId);
        var final = result with { ErrorsFile = errors is null ? null : $"{AppStorage.ImportResultsContainer}/{errors}", ResultFile = $"{AppStorage.ImportResultsContainer}/{resultName}" };
        var failure = Failure(parameters, final);
        var document = new
        {
            jobId = job.JobId,
            source = $"{AppStorage.ImportsContainer}/{parameters.Name}",
            version = parameters.ETag,
            status = failure is null ? "succeeded" : "failed",
            error = failure,
            dryRun = parameters.Options.DryRun,
            onError = parameters.Options.OnError.ToString().ToLowerInvariant(),
            counts = final.Counters(),
            errors = final.ErrorsFile,
        };
        await files.Results.GetBlobClient(resultName).UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(document, JobDocument.Options)), overwrite: true, cancellationToken);
        await files.DeleteWorkAsync(job.JobId, cancellationToken);
        return final;
    }

    /// <summary>The errors CSV from the job's reported rows, committed in one go when complete (a reader never sees half of it).</summary>
    private async Task WriteErrorsAsync(string jobId, string blobName, CancellationToken cancellationToken)
    {
        await using var blob = await files.Results.GetBlobClient(blobName).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
        await using var csv = CsvWriter.Create(blob, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        foreach (var header in new[] { "Line", "Column", "Value", "Reason" })
        {
            csv.WriteField(header);
        }

        await csv.EndRecordAsync(cancellationToken);
        string? marker = null;
        do
        {
            var (rows, next) = await JobStore.ReadReportedPageAsync(storage, jobId, marker, cancellationToken);
            foreach (var row in rows)
            {
                csv.WriteField(row.Line?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(row.Column ?? "");
                csv.WriteField(row.Sku);
                csv.WriteField(row.Reason);
                await csv.EndRecordAsync(cancellationToken);
            }

            marker = next;
        }
        while (marker is not null);
    }

    private sealed class Pass(ImportWorkFiles files, ImportRowDecider decider, BulkLinker linker, JobEntity job, Channel channel) : IPageProcessor<ImportRow, ImportResult>
    {
        private readonly DuplicateIndex _index = new();
        private bool _allKeysLoaded;

        public async Task<JobPageOutcome<ImportResult>> ProcessAsync(IReadOnlyList<ImportRow> page, CancellationToken cancellationToken)
        {
            if (page.FirstOrDefault(r => r.FileError is not null) is { } refused)
            {
                return JobPageOutcome<ImportResult>.Of(ImportResult.Zero with { FileError = refused.FileError });
            }

            if (page.Count == 0)
            {
                return JobPageOutcome<ImportResult>.Of(ImportResult.Zero);
            }

            var at = page[0].At!;
            var rows = page.Where(r => r.Record is not null).ToList();
            if (at.Phase == ImportPhase.Apply)
            {
                return await ApplyAsync(at, rows, cancellationToken);
            }

            var next = rows.Count == 0 ? (at.Offset, at.Line) : (rows[^1].Record!.End, rows[^1].Record!.NextLine);
            var validated = await ValidateAsync(at, await decider.DecideAsync(channel, job.JobId, rows, cancellationToken), next, page[^1].EndsPass, cancellationToken);
            return validated with
            {
                Result = validated.Result with
                {
                    Bytes = rows.Count == 0 ? 0 : rows[^1].Record!.End - rows[0].Record!.Start,
                    Validated = page[^1].EndsPass,
                },
            };
        }

        private async Task<JobPageOutcome<ImportResult>> ValidateAsync(
            ImportCursor at, IReadOnlyList<ImportDecision> decisions, (long Offset, long Line) next, bool endsPass, CancellationToken cancellationToken)
        {
            await files.LoadKeysAsync(job.JobId, _index, at.Page, cancellationToken);
            long toApply = 0, unchanged = 0, rejected = 0;
            var reported = new List<ReportedListing>();
            var keys = new List<ImportRowKey>();
            var skuColumn = at.NameOf(Csv.ImportColumn.ChannelSku);
            foreach (var decision in decisions)
            {
                if (!decision.IsValid)
                {
                    rejected++;
                    reported.AddRange(decision.Errors.Select(e => Report(decision, e.Column, e.Value, e.Reason)));
                    continue;
                }

                var key = new ImportRowKey(decision.SkuHash, decision.ValueHash, decision.Line, decision.WouldChange);
                var outcome = _index.Add(key);

                // Kept as a change only where it is one to apply, so that the apply pass steps over pages without any.
                keys.Add(key with { WouldChange = decision.WouldChange && outcome.Kind == DuplicateIndex.OutcomeKind.First });
                switch (outcome.Kind)
                {
                    case DuplicateIndex.OutcomeKind.First:
                        toApply += decision.WouldChange ? 1 : 0;
                        unchanged += decision.WouldChange ? 0 : 1;
                        break;
                    case DuplicateIndex.OutcomeKind.Same:
                        unchanged++;
                        break;
                    default:
                        rejected++;
                        reported.Add(Report(decision, skuColumn, decision.Sku, $"The listing is also on line {outcome.FirstLine} with other values; neither row is applied."));
                        if (outcome.Kind == DuplicateIndex.OutcomeKind.FirstConflict)
                        {
                            // The listing's first row, counted as valid on its page, is rejected too.
                            rejected++;
                            toApply -= outcome.FirstWouldChange ? 1 : 0;
                            unchanged -= outcome.FirstWouldChange ? 0 : 1;
                            reported.Add(Report(decision, skuColumn, decision.Sku, $"The listing is also on line {decision.Line} with other values; neither row is applied.") with { Line = outcome.FirstLine });
                        }

                        break;
                }
            }

            await files.WriteKeysAsync(job.JobId, at.Page, new ImportPageKeys(keys, next.Offset, next.Line, endsPass), cancellationToken);
            _index.Pages = at.Page + 1;
            return new JobPageOutcome<ImportResult>(new ImportResult(decisions.Count, toApply, 0, unchanged, rejected), reported);
        }

        /// <summary>
        /// Applies what the validation pass found would change, as validated: only the rows it counted in
        /// <c>toApply</c> (the first row of each listing, not in conflict) are read and decided again, and a row whose
        /// listing is gone or whose item no longer resolves to the item validated is left and reported
        /// (<c>changedMeanwhile</c>); one already so by now counts as unchanged.
        /// </summary>
        private async Task<JobPageOutcome<ImportResult>> ApplyAsync(ImportCursor at, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
        {
            if (!_allKeysLoaded)
            {
                await files.LoadKeysAsync(job.JobId, _index, pages: null, cancellationToken);
                _allKeysLoaded = true;
            }

            var validated = ((await files.ReadKeysAsync(job.JobId, at.Page, cancellationToken))?.Keys ?? [])
                .Where(k => k.WouldChange && _index.IsApplied(k.Sku, k.Line))
                .ToDictionary(k => k.Line);
            var decisions = await decider.DecideAsync(channel, job.JobId, [.. rows.Where(r => validated.ContainsKey(r.Record!.Line))], cancellationToken);
            var reported = new List<ReportedListing>();
            var edits = new List<ListingEdit>();
            long unchanged = 0, appliedBefore = 0;
            foreach (var decision in decisions)
            {
                if (!decision.IsValid)
                {
                    var error = decision.Errors.FirstOrDefault() ?? new ImportRowError(at.NameOf(Csv.ImportColumn.ChannelSku), decision.Sku, "The listing is gone.");
                    reported.Add(Report(decision, error.Column, error.Value, $"Valid when the file was validated, not when it was applied: {error.Reason}"));
                }
                else if (decision.ValueHash != validated[decision.Line].Value)
                {
                    reported.Add(Report(decision, at.NameOf(Csv.ImportColumn.ChannelSku), decision.Sku, "The item this row names is another one than when the file was validated (its SKU was given to another item meanwhile); not applied."));
                }
                else if (!decision.WouldChange)
                {
                    // Already so: by this job, on an attempt at this page that a crash cut short, or by someone else.
                    if (decision.Edit!.Listing.EditJobId == job.JobId)
                    {
                        appliedBefore++;
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                else
                {
                    edits.Add(decision.Edit!);
                }
            }

            var (changed, missing) = await linker.EditAsync(channel.ChannelId, job.JobId, edits, cancellationToken);
            reported.AddRange(decisions.Where(d => d.IsValid && missing.Contains(d.ListingId))
                .Select(d => Report(d, at.NameOf(Csv.ImportColumn.ChannelSku), d.Sku, "The listing was deleted after the file was validated; not applied.")));
            unchanged += edits.Count - changed - missing.Count;
            return new JobPageOutcome<ImportResult>(new ImportResult(0, 0, changed + appliedBefore, unchanged, 0) { ChangedMeanwhile = reported.Count }, reported);
        }

        private static ReportedListing Report(ImportDecision decision, string column, string value, string reason) =>
            new(decision.ListingId, value, reason, []) { Line = decision.Line, Column = column };
    }
}

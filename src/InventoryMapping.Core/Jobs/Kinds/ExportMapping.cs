using Azure.Storage.Blobs.Specialized;
using InventoryMapping.Channels;
using InventoryMapping.Csv;
using InventoryMapping.Inventory;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// Writes a channel's listings as a mapping CSV (docs/csv.md): each page of a listing partition becomes a staged
/// block of the file, and the completion step commits the header and every block in order, so the file appears
/// complete or not at all (see <see cref="ExportFile"/>). Memory is bounded by the pages in flight, whatever the
/// number of listings.
/// </summary>
internal sealed class ExportMapping(ListingStore listings, ItemSummaries items, AppStorage storage)
    : JobDefinition<ExportMappingParameters, ExportMappingResult, ExportListing>
{
    public const string Rows = "rows";

    public override JobKind Kind => JobKind.ExportMapping;

    protected override ExportMappingParameters NoParameters => new([], MappingExportFilter.All, "");

    protected override IWorkSource<ExportListing> Source(JobEntity job, ExportMappingParameters parameters) =>
        new ExportPages(new ListingPartitions(listings, job.ChannelId, ListingSelections.Exported(parameters.Filter)));

    protected override IPageProcessor<ExportListing, ExportMappingResult> Start(JobEntity job, ExportMappingParameters parameters, Channel? channel) =>
        new Pass(File(job, parameters), Fields(parameters), items);

    protected override async Task<ExportMappingResult> CompleteAsync(
        JobEntity job, ExportMappingParameters parameters, ExportMappingResult result, Channel? channel, CancellationToken cancellationToken)
    {
        var downloadName = $"{job.ChannelId}-{Path.GetFileName(parameters.FileName)}";
        await File(job, parameters).CommitAsync(
            MappingCsvWriter.Header(Fields(parameters)), result.Blocks, Source(job, parameters).PartCount, downloadName, result.Rows, cancellationToken);
        return result;
    }

    protected override JobView View(ExportMappingParameters parameters, ExportMappingResult result) =>
        new(result.Counters(), File: new JobFile(AppStorage.ExportsContainer, parameters.FileName, result.Rows));

    private ExportFile File(JobEntity job, ExportMappingParameters parameters) =>
        new(storage.Container(AppStorage.ExportsContainer).GetBlockBlobClient(parameters.FileName), job.JobId);

    private static IReadOnlyList<MappingCsvField> Fields(ExportMappingParameters parameters) =>
        [.. parameters.Fields.Select(name => MappingCsvField.Find(name) ?? throw new InvalidOperationException($"Unknown export field '{name}'."))];

    /// <param name="items">The linked items' SKUs and titles (LinkedItemSku, LinkedItemTitle), from the search index.</param>
    private sealed class Pass(ExportFile file, IReadOnlyList<MappingCsvField> fields, ItemSummaries items) : IPageProcessor<ExportListing, ExportMappingResult>
    {
        private readonly bool _withItems = fields.Contains(MappingCsvField.LinkedItemSku) || fields.Contains(MappingCsvField.LinkedItemTitle);

        public async Task<JobPageOutcome<ExportMappingResult>> ProcessAsync(IReadOnlyList<ExportListing> page, CancellationToken cancellationToken)
        {
            if (page.Count == 0)
            {
                return JobPageOutcome<ExportMappingResult>.Of(ExportMappingResult.Zero);
            }

            IReadOnlyDictionary<string, ItemSummary> linked = _withItems
                ? await items.GetAsync(page.Where(l => l.Listing.IsLinked).Select(l => l.Listing.LinkedItemId!), cancellationToken)
                : new Dictionary<string, ItemSummary>();
            using var rows = new MemoryStream();
            using (var csv = new MappingCsvWriter(rows))
            {
                foreach (var listing in page)
                {
                    csv.WriteRow(ExportRow.Cells(fields, listing.Listing, linked));
                }
            }

            rows.Position = 0;
            var (part, block) = (page[0].Part, page[0].Block);
            await file.StageAsync(part, block, rows, cancellationToken);
            return JobPageOutcome<ExportMappingResult>.Of(new ExportMappingResult(page.Count, new Dictionary<int, int> { [part] = block + 1 }));
        }
    }
}

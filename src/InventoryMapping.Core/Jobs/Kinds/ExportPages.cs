using System.Globalization;
using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// The work source of an export: the pages of <see cref="ListingPartitions"/>, each page's listings numbered with
/// the block it is staged as. The cursor carries the number of the part's next block (<c>{block}:{listings cursor}</c>),
/// so a page read again from a checkpoint is staged as the same block, and a page with no listings (a filtered
/// query may give one) takes no number: a part's blocks are numbered 0, 1, … without gaps.
/// </summary>
internal sealed class ExportPages(ListingPartitions listings) : IWorkSource<ExportListing>
{
    public int PartCount => listings.PartCount;

    public async Task<WorkPage<ExportListing>> ReadAsync(int part, string? cursor, CancellationToken cancellationToken)
    {
        var (block, inner) = Parse(cursor);
        var page = await listings.ReadAsync(part, inner, cancellationToken);
        var next = page.Items.Count > 0 ? block + 1 : block;
        return new WorkPage<ExportListing>(
            [.. page.Items.Select(listing => new ExportListing(listing, part, block))],
            page.Next is null ? null : string.Create(CultureInfo.InvariantCulture, $"{next}:{page.Next}"));
    }

    private static (int Block, string? Inner) Parse(string? cursor)
    {
        if (cursor is null)
        {
            return (0, null);
        }

        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        return (int.Parse(cursor.AsSpan(0, colon), CultureInfo.InvariantCulture), cursor[(colon + 1)..]);
    }
}

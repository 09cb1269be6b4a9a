namespace InventoryMapping.SpApi;

/// <summary>
/// The Listings Items model's <c>ListingsItemSubmissionResponse</c>. ACCEPTED: Amazon took the patch to apply it
/// (asynchronously); INVALID: it did not, <see cref="Issues"/> say why.
/// </summary>
public sealed record ListingsItemSubmission(string Sku, string Status, string SubmissionId, IReadOnlyList<ListingsItemSubmission.Issue>? Issues = null)
{
    public sealed record Issue(string Code, string Message, string Severity);

    public bool IsAccepted => Status == "ACCEPTED";

    /// <summary>The first ERROR issue, or the first issue when an INVALID answer has no ERROR.</summary>
    public Issue? FirstError => Issues?.FirstOrDefault(i => i.Severity == "ERROR") ?? (IsAccepted ? null : Issues?.FirstOrDefault());
}

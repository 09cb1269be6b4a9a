namespace InventoryMapping.StockSync;

/// <summary>A stock submission as the API shows it.</summary>
/// <param name="Settled">Marked listings that needed nothing sent.</param>
/// <param name="ToZero">Quantities it sets from positive to 0; past the safety rail's share it is held.</param>
public sealed record StockSubmission(
    string SubmissionId,
    StockSubmissionStatus Status,
    string? Transport,
    int Messages,
    int Settled,
    int ToZero,
    long LinkedListings,
    int Succeeded,
    int Failed,
    IReadOnlyList<string> FeedIds,
    DateTimeOffset RequestedAt,
    DateTimeOffset StatusSince,
    DateTimeOffset? CompletedAt,
    string? Error)
{
    /// <summary>Feeds Amazon aborted (FATAL or CANCELLED) that it sent again.</summary>
    public int FeedRetries { get; init; }

    /// <summary>While in flight: not before this does its next step run (backing off after an aborted feed, or waiting for Amazon's allowance).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}

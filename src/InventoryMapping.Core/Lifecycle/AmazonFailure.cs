namespace InventoryMapping.Lifecycle;

/// <summary>A failure of a step with Amazon, as it is stored and shown: its reason and how the lifecycle treats it.</summary>
/// <param name="Reason">For the seller: what happened and what to do; never a secret.</param>
/// <param name="RetryAfter">Set when the step is deferred (Amazon's allowance is spent, or the operation backs off): try again then, not counted as a failure.</param>
public sealed record AmazonFailure(string Reason, AmazonFailureKind Kind, TimeSpan? RetryAfter = null);

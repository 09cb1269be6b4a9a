namespace InventoryMapping.Storage;

/// <summary>What one attempt of a <see cref="ConflictRetry"/> came to: done with a value, or a conflict to try again.</summary>
public readonly struct Attempt<T>
{
    internal Attempt(T value, bool isConflict, bool hasOutcomeWhenSpent, Exception? cause)
    {
        Value = value;
        IsConflict = isConflict;
        HasOutcomeWhenSpent = hasOutcomeWhenSpent;
        Cause = cause;
    }

    public T Value { get; }

    public bool IsConflict { get; }

    internal bool HasOutcomeWhenSpent { get; }

    internal Exception? Cause { get; }
}

/// <summary>The answers of an attempt (see <see cref="ConflictRetry"/>).</summary>
public static class Attempt
{
    public static Attempt<T> Done<T>(T value) => new(value, isConflict: false, hasOutcomeWhenSpent: false, cause: null);

    /// <summary>Try again; when the retries are spent, <see cref="ConflictRetriesExhaustedException"/> (with <paramref name="cause"/> inside).</summary>
    public static Attempt<T> Conflict<T>(Exception? cause = null) => new(default!, isConflict: true, hasOutcomeWhenSpent: false, cause);

    /// <summary>Try again; when the retries are spent, the outcome is <paramref name="whenSpent"/>.</summary>
    public static Attempt<T> ConflictOr<T>(T whenSpent) => new(whenSpent, isConflict: true, hasOutcomeWhenSpent: true, cause: null);
}

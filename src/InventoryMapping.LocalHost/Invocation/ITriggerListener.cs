namespace InventoryMapping.LocalHost.Invocation;

/// <summary>A listener for one trigger type that can also run one of its functions on request.</summary>
internal interface ITriggerListener
{
    string TriggerType { get; }

    /// <summary>
    /// Runs the function once with <paramref name="input"/> as the trigger data (a message body, a blob path
    /// "container/name"; ignored for timers), as the Functions host's admin API does. Failures are logged.
    /// </summary>
    Task InvokeNowAsync(FunctionInvoker function, string? input, CancellationToken cancellationToken);
}

using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.Functions.Http;

/// <summary>
/// Turns an exception that escapes an HTTP function into a problem+json 500 with a trace id, logged with the
/// invocation id, instead of the host's bare 500; a change that outlasted its conflict retries is a 409 with Retry-After.
/// Other triggers rethrow, so their retries and poison handling stay.
/// </summary>
public sealed partial class UnexpectedErrorMiddleware(ILogger<UnexpectedErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BusyException exception) when (context.GetHttpContext() is { } http && !http.Response.HasStarted)
        {
            // Expected under contention, not a fault: the client may retry, and is told when.
            LogBusy(logger, exception, context.FunctionDefinition.Name, context.InvocationId);
            http.Response.Clear();
            http.Response.Headers.RetryAfter = "1";
            await Problems.Busy().ExecuteAsync(http);
        }
        catch (Exception exception) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested)
        {
            var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
            LogUnexpected(logger, exception, context.FunctionDefinition.Name, context.InvocationId, traceId);
            if (http.Response.HasStarted)
            {
                throw;
            }

            http.Response.Clear();
            await Problems.Unexpected().ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} gave up on concurrent changes (invocation {InvocationId})")]
    private static partial void LogBusy(ILogger logger, Exception exception, string function, string invocationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed unexpectedly (invocation {InvocationId}, trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string function, string invocationId, string traceId);
}

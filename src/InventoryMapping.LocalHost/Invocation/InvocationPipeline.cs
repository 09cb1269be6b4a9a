using Microsoft.Azure.Functions.Worker.Middleware;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>The app's worker middleware around the call of the function itself, built once for every invocation.</summary>
internal sealed class InvocationPipeline(LocalWorkerApplicationBuilder worker)
{
    private readonly FunctionExecutionDelegate _run = worker.Build(context => ((LocalFunctionContext)context).CallFunctionAsync());

    public Task RunAsync(LocalFunctionContext context) => _run(context);
}

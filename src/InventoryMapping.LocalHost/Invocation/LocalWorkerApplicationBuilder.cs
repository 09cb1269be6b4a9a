using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>
/// The worker's application builder as the app's composition sees it: its services are the host's, and the middleware
/// it adds (<c>UseMiddleware</c>, <c>UseWhen</c>) wraps every invocation, in the order added, as in the worker.
/// </summary>
internal sealed class LocalWorkerApplicationBuilder(IServiceCollection services) : IFunctionsWorkerApplicationBuilder
{
    private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> _middleware = [];

    public IServiceCollection Services { get; } = services;

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>The middleware around <paramref name="function"/>, the first added outermost.</summary>
    public FunctionExecutionDelegate Build(FunctionExecutionDelegate function)
    {
        var next = function;
        for (var i = _middleware.Count - 1; i >= 0; i--)
        {
            next = _middleware[i](next);
        }

        return next;
    }
}

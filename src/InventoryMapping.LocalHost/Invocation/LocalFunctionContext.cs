using System.Collections.Immutable;
using System.Diagnostics;
using InventoryMapping.LocalHost.Metadata;
using WorkerBinding = Microsoft.Azure.Functions.Worker.BindingMetadata;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>
/// A <see cref="FunctionContext"/> for functions that take one: invocation id, the function's definition, the
/// invocation's services (so <c>GetLogger</c> works), Items (with the HttpContext for <c>GetHttpContext()</c>) and the
/// cancellation token. One per invocation, passed through the app's worker middleware to the function. Binding data,
/// input-binding features and the invocation result feature of the worker are not offered.
/// </summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    // The key under which the worker's ASP.NET Core integration keeps the HttpContext (read by GetHttpContext()).
    private const string HttpContextItem = "HttpRequestContext";

    private readonly Func<LocalFunctionContext, Task<object?>> _callFunction;

    public LocalFunctionContext(
        FunctionMetadata function,
        string pathToAssembly,
        IServiceProvider services,
        object? httpContext,
        CancellationToken cancellationToken,
        Func<LocalFunctionContext, Task<object?>> callFunction)
    {
        _callFunction = callFunction;
        InstanceServices = services;
        CancellationToken = cancellationToken;
        FunctionDefinition = new Definition(function, pathToAssembly);
        if (httpContext is not null)
        {
            Items[HttpContextItem] = httpContext;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new Trace();

    public override BindingContext BindingContext { get; } = new Bindings();

    public override RetryContext RetryContext { get; } = new Retry();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new InvocationFeatures();

    public override CancellationToken CancellationToken { get; }

    /// <summary>What the function returned, once the pipeline has called it.</summary>
    public object? FunctionResult { get; private set; }

    /// <summary>The end of the middleware pipeline: binds the parameters and calls the function.</summary>
    public async Task CallFunctionAsync() => FunctionResult = await _callFunction(this);

    private sealed class Definition(FunctionMetadata function, string pathToAssembly) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => pathToAssembly;

        public override string EntryPoint => function.EntryPoint;

        public override string Id => function.Name;

        public override string Name => function.Name;

        public override IImmutableDictionary<string, WorkerBinding> InputBindings => ImmutableDictionary<string, WorkerBinding>.Empty;

        public override IImmutableDictionary<string, WorkerBinding> OutputBindings => ImmutableDictionary<string, WorkerBinding>.Empty;
    }

    private sealed class Trace : TraceContext
    {
        public override string TraceParent => Activity.Current?.Id ?? string.Empty;

        public override string TraceState => Activity.Current?.TraceStateString ?? string.Empty;
    }

    private sealed class Bindings : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();
    }

    private sealed class Retry : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class InvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                _features.Remove(typeof(T));
            }
            else
            {
                _features[typeof(T)] = instance;
            }
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

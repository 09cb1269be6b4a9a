using System.Reflection;
using System.Runtime.ExceptionServices;
using InventoryMapping.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>
/// Calls one function method: a new instance of its class per invocation, built by <see cref="ActivatorUtilities"/>
/// from the invocation's service scope (as the isolated worker does), parameters bound from the trigger input.
/// </summary>
internal sealed class FunctionInvoker
{
    private readonly MethodInfo _method;
    private readonly ObjectFactory? _factory;
    private readonly ParameterInfo[] _parameters;
    private readonly string _triggerParameter;

    public FunctionInvoker(FunctionMetadata metadata, MethodInfo method, Func<Type, bool> canBindTrigger)
    {
        Metadata = metadata;
        _method = method;
        _parameters = method.GetParameters();
        _triggerParameter = metadata.Trigger?.Name ?? string.Empty;
        _factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);

        foreach (var parameter in _parameters)
        {
            if (IsTriggerParameter(parameter) && !canBindTrigger(parameter.ParameterType))
            {
                throw new NotSupportedException(
                    $"Function '{metadata.Name}': the local host cannot bind a {metadata.Trigger!.Type} to parameter " +
                    $"'{parameter.Name}' of type {parameter.ParameterType}.");
            }

        }

        ReturnType = UnwrapAwaitable(method.ReturnType);
    }

    public FunctionMetadata Metadata { get; }

    public string Name => Metadata.Name;

    /// <summary>The function app assembly the method is in.</summary>
    public Assembly Assembly => _method.Module.Assembly;

    /// <summary>The type of the value the function produces once awaited (null for void/Task/ValueTask).</summary>
    public Type? ReturnType { get; }

    /// <summary>Runs the invocation through the app's worker middleware (when it has any) to the function itself.</summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, TriggerInput input, CancellationToken cancellationToken)
    {
        var context = new LocalFunctionContext(
            Metadata, _method.Module.Assembly.Location, services, input.HttpContext, cancellationToken, context => CallAsync(services, input, cancellationToken, context));
        var pipeline = services.GetService(typeof(InvocationPipeline)) as InvocationPipeline;
        await (pipeline?.RunAsync(context) ?? context.CallFunctionAsync());
        return context.FunctionResult;
    }

    private async Task<object?> CallAsync(IServiceProvider services, TriggerInput input, CancellationToken cancellationToken, LocalFunctionContext context)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            arguments[i] = _parameters[i].ParameterType == typeof(FunctionContext)
                ? context
                : await BindAsync(_parameters[i], input, cancellationToken);
        }

        var instance = _factory?.Invoke(services, null);
        object? returned;
        try
        {
            returned = _method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }

        return await AwaitAsync(returned);
    }

    private async ValueTask<object?> BindAsync(ParameterInfo parameter, TriggerInput input, CancellationToken cancellationToken)
    {
        if (IsTriggerParameter(parameter))
        {
            return await input.GetTriggerValueAsync(parameter.ParameterType, cancellationToken);
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.Name is not null && input.TryGetBindingData(parameter.Name, out var value))
        {
            return BindingDataConverter.Convert(value, parameter.ParameterType);
        }

        return parameter.HasDefaultValue ? parameter.DefaultValue : BindingDataConverter.DefaultOf(parameter.ParameterType);
    }

    private bool IsTriggerParameter(ParameterInfo parameter) =>
        string.Equals(parameter.Name, _triggerParameter, StringComparison.Ordinal);

    private async Task<object?> AwaitAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return ReturnType is null ? null : task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when ReturnType is not null && _method.ReturnType.IsGenericType
                && _method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)_method.ReturnType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                await asTask;
                return asTask.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
            default:
                return returned;
        }
    }

    private static Type? UnwrapAwaitable(Type type)
    {
        if (type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask))
        {
            return null;
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return type;
    }
}

using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InventoryMapping.LocalHost.Hosting;
using InventoryMapping.LocalHost.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.LocalHost.Queues;

/// <summary>
/// Polls each queue-triggered function's queue, as the Functions host does: messages are Base64 (the host's default
/// encoding), deleted after a successful run, made visible again after a failure, and moved to
/// <c>&lt;queue&gt;-poison</c> once they have failed <c>maxDequeueCount</c> times (host.json, default 5).
/// </summary>
internal sealed class QueueTriggerListener(
    FunctionCatalog catalog,
    IConfiguration configuration,
    HostJson hostJson,
    LocalFunctionsHostOptions options,
    IServiceScopeFactory scopes,
    ILogger<QueueTriggerListener> logger) : IHostedService, ITriggerListener, IDisposable
{
    public const string TriggerType = "queueTrigger";

    // How long a received message stays invisible while its function runs.
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(10);

    // Raw access: the body is decoded here so a message that isn't Base64 can be reported and poisoned.
    private static readonly QueueClientOptions s_clientOptions = new() { MessageEncoding = QueueMessageEncoding.None };

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pollers = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var function in catalog.WithTrigger(TriggerType))
        {
            var trigger = function.Metadata.Trigger!;
            var queueName = AppSettings.Resolve(configuration, trigger.GetString("queueName") ?? string.Empty, function.Name);
            var connection = AppSettings.ConnectionString(configuration, trigger.GetString("connection"), function.Name);
            var queue = new QueueClient(connection, queueName, s_clientOptions);
            var poison = new QueueClient(connection, queueName + "-poison", s_clientOptions);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            logger.LogInformation("{Function}: queue '{Queue}'", function.Name, queueName);
            _pollers.Add(Task.Run(() => PollAsync(function, queue, poison, _stopping.Token), CancellationToken.None));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_pollers).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    string ITriggerListener.TriggerType => TriggerType;

    public async Task InvokeNowAsync(FunctionInvoker function, string? input, CancellationToken cancellationToken)
    {
        var body = BinaryData.FromString(input ?? string.Empty);
        var now = DateTimeOffset.UtcNow;
        var message = QueuesModelFactory.QueueMessage(Guid.NewGuid().ToString(), string.Empty, body, 1, now, now, now.AddDays(7));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var trigger = new QueueTriggerInput(message, body.ToMemory());
            await function.InvokeAsync(scope.ServiceProvider, trigger, cancellationToken);
            logger.LogInformation("{Function}: run on request done", function.Name);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{Function}: run on request failed", function.Name);
        }
    }

    private async Task PollAsync(FunctionInvoker function, QueueClient queue, QueueClient poison, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(hostJson.QueueBatchSize, s_lease, stopping);
                if (messages.Length == 0)
                {
                    await Task.Delay(options.QueuePollingInterval, stopping);
                    continue;
                }

                await Task.WhenAll(messages.Select(message => ProcessAsync(function, queue, poison, message, stopping)));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Function}: polling queue '{Queue}' failed", function.Name, queue.Name);
                await Task.Delay(options.QueuePollingInterval, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ProcessAsync(FunctionInvoker function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stopping)
    {
        var maxDequeueCount = hostJson.QueueMaxDequeueCount;
        if (message.DequeueCount > maxDequeueCount)
        {
            await MoveToPoisonAsync(function, queue, poison, message, message.PopReceipt, stopping);
            return;
        }

        byte[] body;
        try
        {
            body = Convert.FromBase64String(message.Body.ToString());
        }
        catch (FormatException)
        {
            logger.LogError("{Function}: message {Id} is not Base64 (the Functions host's queue encoding)", function.Name, message.MessageId);
            await MoveToPoisonAsync(function, queue, poison, message, message.PopReceipt, stopping);
            return;
        }

        var lease = new MessageLease(queue, message);
        try
        {
            using (var renewing = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                var renewal = lease.KeepAsync(s_lease, renewing.Token);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await using var input = new QueueTriggerInput(message, body);
                    await function.InvokeAsync(scope.ServiceProvider, input, stopping);
                }
                finally
                {
                    await renewing.CancelAsync();
                    await renewal;
                }
            }

            await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, stopping);
            logger.LogInformation("{Function}: message {Id} done", function.Name, message.MessageId);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            logger.LogError(exception, "{Function}: message {Id} failed (attempt {Attempt} of {Max})",
                function.Name, message.MessageId, message.DequeueCount, maxDequeueCount);
            if (message.DequeueCount >= maxDequeueCount)
            {
                await MoveToPoisonAsync(function, queue, poison, message, lease.PopReceipt, stopping);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, (BinaryData?)null, hostJson.QueueVisibilityTimeout, stopping);
            }
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: hand the message back now rather than when its lease runs out.
            await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, (BinaryData?)null, TimeSpan.Zero, CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task MoveToPoisonAsync(
        FunctionInvoker function, QueueClient queue, QueueClient poison, QueueMessage message, string popReceipt, CancellationToken stopping)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: stopping);
        await poison.SendMessageAsync(message.Body, cancellationToken: stopping);
        await queue.DeleteMessageAsync(message.MessageId, popReceipt, stopping);
        logger.LogWarning("{Function}: message {Id} moved to '{Poison}'", function.Name, message.MessageId, poison.Name);
    }
}

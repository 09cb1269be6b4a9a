using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace InventoryMapping.LocalHost.Queues;

/// <summary>
/// Keeps a received message invisible while its function runs, renewing the visibility timeout at half its length as
/// the Functions host does, so a long run isn't delivered a second time. Each renewal yields a new pop receipt.
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message)
{
    public string PopReceipt { get; private set; } = message.PopReceipt;

    public async Task KeepAsync(TimeSpan visibility, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(visibility / 2, stop);
                var renewed = await queue.UpdateMessageAsync(message.MessageId, PopReceipt, (BinaryData?)null, visibility, stop);
                PopReceipt = renewed.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
        catch (Azure.RequestFailedException)
        {
            // The lease is lost (the message was deleted or changed elsewhere): the run goes on, and settling the
            // message afterwards reports the problem.
        }
    }
}

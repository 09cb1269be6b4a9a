using Azure.Storage.Queues.Models;
using InventoryMapping.LocalHost.Invocation;

namespace InventoryMapping.LocalHost.Queues;

/// <summary>
/// A queue message as trigger input: the decoded body as string, bytes, <see cref="QueueMessage"/> or a JSON POCO;
/// binding data Id, DequeueCount, InsertionTime, ExpirationTime, NextVisibleTime, PopReceipt, QueueTrigger and the
/// body's top-level JSON properties.
/// </summary>
internal sealed class QueueTriggerInput(QueueMessage received, ReadOnlyMemory<byte> body) : TriggerInput
{
    private readonly JsonBindingData _json = new(body);

    public static bool CanBind(Type parameterType) => parameterType == typeof(QueueMessage) || PayloadConverter.CanConvert(parameterType);

    public override ValueTask<object?> GetTriggerValueAsync(Type parameterType, CancellationToken cancellationToken)
    {
        if (parameterType == typeof(QueueMessage))
        {
            return ValueTask.FromResult<object?>(QueuesModelFactory.QueueMessage(
                received.MessageId, received.PopReceipt, new BinaryData(body), received.DequeueCount,
                received.NextVisibleOn, received.InsertedOn, received.ExpiresOn));
        }

        PayloadConverter.TryConvert(body, parameterType, out var value);
        return ValueTask.FromResult(value);
    }

    public override bool TryGetBindingData(string name, out object? value)
    {
        value = name.ToUpperInvariant() switch
        {
            "ID" => received.MessageId,
            "DEQUEUECOUNT" => received.DequeueCount,
            "INSERTIONTIME" => received.InsertedOn,
            "EXPIRATIONTIME" => received.ExpiresOn,
            "NEXTVISIBLETIME" => received.NextVisibleOn,
            "POPRECEIPT" => received.PopReceipt,
            "QUEUETRIGGER" => System.Text.Encoding.UTF8.GetString(body.Span),
            _ => null,
        };
        return value is not null || _json.TryGet(name, out value);
    }
}

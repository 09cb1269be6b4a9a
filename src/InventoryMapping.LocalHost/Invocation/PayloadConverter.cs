using System.Text;
using System.Text.Json;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>Turns a trigger's payload bytes into the parameter type: text, bytes, or JSON deserialized to a POCO.</summary>
internal static class PayloadConverter
{
    public static bool CanConvert(Type type) =>
        type != typeof(CancellationToken) && !type.IsAbstract && !type.IsInterface || type == typeof(ReadOnlyMemory<byte>);

    public static bool TryConvert(ReadOnlyMemory<byte> payload, Type type, out object? value)
    {
        if (type == typeof(string))
        {
            value = Encoding.UTF8.GetString(payload.Span);
        }
        else if (type == typeof(byte[]))
        {
            value = payload.ToArray();
        }
        else if (type == typeof(BinaryData))
        {
            value = new BinaryData(payload);
        }
        else if (type == typeof(ReadOnlyMemory<byte>))
        {
            value = payload;
        }
        else if (CanConvert(type))
        {
            value = JsonSerializer.Deserialize(payload.Span, type, BindingDataConverter.Json);
        }
        else
        {
            value = null;
            return false;
        }

        return true;
    }
}

using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>Converts binding data (mostly strings from routes, paths and messages) to a parameter's type.</summary>
internal static class BindingDataConverter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object? Convert(object? value, Type target)
    {
        if (value is null)
        {
            return DefaultOf(target);
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is JsonElement element)
        {
            return element.ValueKind == JsonValueKind.String && underlying != typeof(JsonElement)
                ? Convert(element.GetString(), target)
                : element.Deserialize(target, Json);
        }

        var text = value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture);
        if (text is null || (text.Length == 0 && underlying != typeof(string)))
        {
            return DefaultOf(target);
        }

        if (underlying.IsEnum)
        {
            return Enum.Parse(underlying, text, ignoreCase: true);
        }

        var converter = TypeDescriptor.GetConverter(underlying);
        if (converter.CanConvertFrom(typeof(string)))
        {
            return converter.ConvertFromInvariantString(text);
        }

        return JsonSerializer.Deserialize(text, target, Json);
    }

    public static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}

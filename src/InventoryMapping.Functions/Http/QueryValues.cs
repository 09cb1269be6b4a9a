using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace InventoryMapping.Functions.Http;

/// <summary>Typed query-string values; a value that does not parse is an error naming the parameter.</summary>
public static class QueryValues
{
    public static Result<bool?> Bool(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return (bool?)null;
        }

        return bool.TryParse(text, out var value) ? value : DomainError.Invalid(name, $"{name} is true or false.");
    }

    public static Result<int?> Int(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return (int?)null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : DomainError.Invalid(name, $"{name} is a whole number.");
    }

    public static Result<TEnum?> Enum<TEnum>(HttpRequest request, string name)
        where TEnum : struct, System.Enum
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return (TEnum?)null;
        }

        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : DomainError.Invalid(name, $"{name} is one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
    }

    public static string? Text(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } text ? text : null;
}

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

        // Exactly the documented (camelCase) names: no numbers, no other case, no spaces.
        var names = System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToList();
        return names.IndexOf(text) is >= 0 and var index
            ? System.Enum.GetValues<TEnum>()[index]
            : DomainError.Invalid(name, $"{name} is one of: {string.Join(", ", names)}.");
    }

    /// <summary>The function key's own parameter, which the host reads (Azure accepts the key as <c>?code=</c>).</summary>
    public const string FunctionKey = "code";

    /// <summary>A query parameter the operation does not take (so a typo such as <c>dry_run</c> changes nothing by accident).</summary>
    public static DomainError? UnknownProblem(HttpRequest request, string[] known)
    {
        foreach (var name in request.Query.Keys)
        {
            if (name != FunctionKey && !known.Contains(name, StringComparer.Ordinal))
            {
                return DomainError.Invalid(
                    name,
                    known.Length == 0
                        ? $"Unknown query parameter '{name}': this operation takes none."
                        : $"Unknown query parameter '{name}': this operation takes {string.Join(", ", known)}.");
            }
        }

        return null;
    }

    public static string? Text(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } text ? text : null;
}

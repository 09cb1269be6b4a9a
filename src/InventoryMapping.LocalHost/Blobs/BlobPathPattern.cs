using System.Text;
using System.Text.RegularExpressions;

namespace InventoryMapping.LocalHost.Blobs;

/// <summary>
/// A blob trigger path such as <c>imports/{name}</c> or <c>imports/{channel}/{name}.csv</c>: a fixed container and a
/// blob-name pattern whose <c>{parameters}</c> become binding data.
/// </summary>
internal sealed class BlobPathPattern
{
    private readonly Regex _name;

    private BlobPathPattern(string container, Regex name)
    {
        Container = container;
        _name = name;
    }

    public string Container { get; }

    public static BlobPathPattern Parse(string path, string functionName)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? path : path[..slash];
        var blob = slash < 0 ? string.Empty : path[(slash + 1)..];
        if (container.Length == 0 || container.Contains('{', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Function '{functionName}': blob path '{path}' must start with a fixed container name.");
        }

        var pattern = new StringBuilder("^");
        var position = 0;
        foreach (Match parameter in Regex.Matches(blob, @"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}"))
        {
            pattern.Append(Regex.Escape(blob[position..parameter.Index]));
            pattern.Append("(?<").Append(parameter.Groups["name"].Value).Append(">.+)");
            position = parameter.Index + parameter.Length;
        }

        pattern.Append(Regex.Escape(blob[position..]));
        if (blob.Length == 0)
        {
            pattern.Append(".*");
        }

        pattern.Append('$');
        return new BlobPathPattern(container, new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    public bool TryMatch(string blobName, out IReadOnlyDictionary<string, string> values)
    {
        var match = _name.Match(blobName);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (match.Success)
        {
            foreach (var group in match.Groups.Values.Where(g => g.Success && !int.TryParse(g.Name, out _)))
            {
                found[group.Name] = group.Value;
            }
        }

        values = found;
        return match.Success;
    }
}

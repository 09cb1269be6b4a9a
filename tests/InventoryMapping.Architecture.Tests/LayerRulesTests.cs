using Mono.Cecil;

namespace InventoryMapping.Architecture.Tests;

/// <summary>The layering rules of docs/architecture.md ("Layers"), checked on the compiled assemblies.</summary>
public sealed class LayerRulesTests
{
    private static readonly string CorePath = typeof(InventoryMappingServiceCollectionExtensions).Assembly.Location;
    private static readonly string FunctionsPath = Path.Combine(AppContext.BaseDirectory, "InventoryMapping.Functions.dll");
    private static readonly Lazy<TypeDependencies> Core = new(() => TypeDependencies.Of(CorePath));
    private static readonly Lazy<TypeDependencies> Functions = new(() => TypeDependencies.Of(FunctionsPath));

    [Fact]
    public void Core_feature_namespaces_depend_on_each_other_without_cycles()
    {
        var graph = FeatureGraph(Core.Value);

        var cycles = StronglyConnected(graph.Keys, n => graph[n].Keys).Where(c => c.Count > 1).ToList();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => Describe(c, graph))));
    }

    [Fact]
    public void Core_references_no_Functions_package()
    {
        using var module = ModuleDefinition.ReadModule(CorePath);

        var functions = module.AssemblyReferences.Where(r => r.Name.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal)).Select(r => r.Name);

        Assert.Empty(functions);
    }

    [Fact]
    public void Functions_adapters_use_no_storage_types()
    {
        var offending =
            from owner in Functions.Value.Uses
            from used in owner.Value
            let ns = TypeDependencies.NamespaceOf(used)
            where IsStorage(ns)
            select $"{owner.Key} uses {used.FullName}";

        var found = offending.Distinct().Order().ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void Only_the_listing_writer_writes_the_Listings_table()
    {
        const string listingsTable = "InventoryMapping.Storage.AppStorage::get_Listings";
        // AppStorage hands the table out (and creates it locally); it writes no entity.
        var touching = Core.Value.Calls.Where(c => c.Key != typeof(InventoryMapping.Storage.AppStorage).FullName && c.Value.Contains(listingsTable)).ToList();

        var outsideListings = touching.Select(c => c.Key).Where(t => !t.StartsWith("InventoryMapping.Listings.", StringComparison.Ordinal));
        var writers = touching.Where(c => c.Value.Any(IsTableWrite)).Select(c => c.Key);

        Assert.Empty(outsideListings);
        Assert.Equal([typeof(InventoryMapping.Listings.Storage.ListingWriter).FullName], writers);
    }

    /// <summary>A call that writes table entities: the SDK's own, or the project's <c>ConditionalWrites</c> over them.</summary>
    private static bool IsTableWrite(string method)
    {
        var (type, name) = (method[..method.IndexOf("::", StringComparison.Ordinal)], method[(method.IndexOf("::", StringComparison.Ordinal) + 2)..]);
        return type switch
        {
            "Azure.Data.Tables.TableClient" => name is "SubmitTransactionAsync" or "AddEntityAsync" or "UpsertEntityAsync" or "UpdateEntityAsync" or "DeleteEntityAsync",
            "InventoryMapping.Storage.ConditionalWrites" => name.StartsWith("Try", StringComparison.Ordinal),
            _ => false,
        };
    }

    private static bool IsStorage(string ns) =>
        ns == "Azure.Data.Tables" || ns.StartsWith("Azure.Data.Tables.", StringComparison.Ordinal)
        || ns.StartsWith("Azure.Storage", StringComparison.Ordinal)
        || ns == "InventoryMapping.Storage" || ns.StartsWith("InventoryMapping.Storage.", StringComparison.Ordinal);

    /// <summary>
    /// Feature (the namespace segment after <c>InventoryMapping</c>; <c>(root)</c> for the shared root types) → the
    /// features it uses, with one example each. The composition root registers everything by design and is left out.
    /// </summary>
    private static Dictionary<string, Dictionary<string, string>> FeatureGraph(TypeDependencies dependencies)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (owner, uses) in dependencies.Uses)
        {
            if (owner == typeof(InventoryMappingServiceCollectionExtensions).FullName || Feature(NamespaceOfName(owner)) is not { } from)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var used in uses)
            {
                if (Feature(TypeDependencies.NamespaceOf(used)) is { } to && to != from)
                {
                    edges.TryAdd(to, $"{owner} uses {used.FullName}");
                }
            }
        }

        foreach (var to in graph.Values.SelectMany(e => e.Keys).ToList())
        {
            graph.TryAdd(to, []);
        }

        return graph;
    }

    private static string NamespaceOfName(string fullName) => fullName.LastIndexOf('.') is var i and > 0 ? fullName[..i] : "";

    private static string? Feature(string ns) => ns switch
    {
        "InventoryMapping" => "(root)",
        _ when ns.StartsWith("InventoryMapping.", StringComparison.Ordinal) => ns["InventoryMapping.".Length..].Split('.')[0],
        _ => null,
    };

    private static string Describe(IReadOnlyList<string> cycle, Dictionary<string, Dictionary<string, string>> graph)
    {
        var members = cycle.ToHashSet();
        var edges = cycle.SelectMany(from => graph[from].Where(e => members.Contains(e.Key)).Select(e => $"  {from} -> {e.Key}: {e.Value}"));
        return $"cycle {{{string.Join(", ", cycle.Order())}}}:\n{string.Join("\n", edges)}";
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(IEnumerable<string> nodes, Func<string, IEnumerable<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next(v))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                components.Add(component);
            }
        }

        foreach (var node in nodes.ToList())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }
}

using System.Reflection;
using InventoryMapping.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Core.Tests.Jobs;

/// <summary>
/// <see cref="JobKinds"/> is registered by a factory (its constructor is internal), which validation on build can't
/// see through: a kind that needs, however indirectly, what needs <see cref="JobKinds"/> (e.g. <see cref="JobStore"/>)
/// makes the first resolution recurse without end, and every caller hangs. This walks the constructors instead.
/// </summary>
public sealed class JobKindRegistrationTests
{
    [Fact]
    public void No_job_kind_needs_the_job_kinds_through_its_constructors()
    {
        var registrations = AppServices().Where(d => d.ImplementationType is not null).ToLookup(d => d.ServiceType, d => d.ImplementationType!);
        var kinds = registrations[typeof(IJobKind)].ToList();

        var offending = kinds.Select(kind => (kind, path: PathTo(typeof(JobKinds), kind, registrations, []))).Where(k => k.path is not null).ToList();

        Assert.NotEmpty(kinds);
        Assert.True(offending.Count == 0, string.Join("\n", offending.Select(k => string.Join(" → ", k.path!.Select(t => t.Name)))));
    }

    [Fact]
    public void The_walk_finds_a_kind_that_takes_the_job_store()
    {
        var services = AppServices();
        services.AddSingleton<JobStoreUser>();
        var registrations = services.Where(d => d.ImplementationType is not null).ToLookup(d => d.ServiceType, d => d.ImplementationType!);

        var path = PathTo(typeof(JobKinds), typeof(JobStoreUser), registrations, []);

        Assert.Equal([typeof(JobStoreUser), typeof(JobStore), typeof(JobKinds)], path);
    }

    private static List<Type>? PathTo(Type target, Type from, ILookup<Type, Type> registrations, HashSet<Type> seen)
    {
        if (from == target)
        {
            return [from];
        }

        if (!seen.Add(from))
        {
            return null;
        }

        var implementations = registrations.Contains(from) ? registrations[from] : from.IsClass && !from.IsAbstract ? [from] : [];
        var needs =
            from implementation in implementations
            from constructor in implementation.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            from parameter in constructor.GetParameters()
            let type = parameter.ParameterType
            select type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type.GetGenericArguments()[0] : type;
        foreach (var need in needs.Distinct())
        {
            if (PathTo(target, need, registrations, seen) is { } path)
            {
                return [from, .. path];
            }
        }

        return null;
    }

    private static ServiceCollection AppServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AppStorage"] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection();
        services.AddInventoryMapping(configuration);
        return services;
    }

    private sealed class JobStoreUser(JobStore store)
    {
        public JobStore Store { get; } = store;
    }
}

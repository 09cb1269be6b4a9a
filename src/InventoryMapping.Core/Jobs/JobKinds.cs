namespace InventoryMapping.Jobs;

/// <summary>The job kinds the app runs, by <see cref="JobKind"/>.</summary>
public sealed class JobKinds
{
    private readonly Dictionary<JobKind, IJobKind> _kinds;

    internal JobKinds(IEnumerable<IJobKind> kinds) => _kinds = kinds.ToDictionary(k => k.Kind);

    internal IJobKind this[string kind] => _kinds[Enum.Parse<JobKind>(kind)];
}

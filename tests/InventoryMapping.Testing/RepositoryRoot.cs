namespace InventoryMapping.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding InventoryMapping.sln, found upwards from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InventoryMapping.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InventoryMapping.sln not found above " + AppContext.BaseDirectory);
    }
}

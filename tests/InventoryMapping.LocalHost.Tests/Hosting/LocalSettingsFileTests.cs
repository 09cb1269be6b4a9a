using InventoryMapping.LocalHost.Hosting;

namespace InventoryMapping.LocalHost.Tests.Hosting;

public sealed class LocalSettingsFileTests
{
    [Fact]
    public void Values_become_settings_with_double_underscores_as_sections()
    {
        var directory = Directory.CreateTempSubdirectory();
        var path = Path.Combine(directory.FullName, LocalSettingsFile.FileName);
        File.WriteAllText(path, """
            {
              "IsEncrypted": false,
              "Values": { "AppStorage": "UseDevelopmentStorage=true", "Storage__NamePrefix": "dev", "Enabled": true },
              "Host": { "LocalHttpPort": 7072 },
              "ConnectionStrings": { "Sql": "x" }
            }
            """);

        var settings = LocalSettingsFile.Read(path);

        Assert.Equal("UseDevelopmentStorage=true", settings["AppStorage"]);
        Assert.Equal("dev", settings["Storage:NamePrefix"]);
        Assert.Equal("true", settings["Enabled"]);
        Assert.Equal("7072", settings["LocalHost:Port"]);
        Assert.Equal("x", settings["ConnectionStrings:Sql"]);
        directory.Delete(recursive: true);
    }

    [Fact]
    public void The_nearest_file_in_or_above_a_folder_is_found()
    {
        var root = Directory.CreateTempSubdirectory();
        var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "app", "bin"));
        File.WriteAllText(Path.Combine(root.FullName, LocalSettingsFile.FileName), "{}");

        Assert.Equal(Path.Combine(root.FullName, LocalSettingsFile.FileName), LocalSettingsFile.Find(null, nested.FullName));
        root.Delete(recursive: true);
    }
}

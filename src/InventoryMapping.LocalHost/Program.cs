using InventoryMapping;
using InventoryMapping.LocalHost;
using InventoryMapping.LocalHost.Hosting;

// Runs the Functions app's own function classes locally, with the services its Program.cs registers.
var host = LocalFunctionsHost.Create(
    args,
    configureServices: (services, configuration) => services.AddInventoryMapping(configuration),
    defaultFunctionsDirectory: FunctionsBuildOutput.Directory);
await host.RunAsync();

using InventoryMapping.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
FunctionsApp.ConfigureWorker(builder, builder.Configuration);
builder.Build().Run();

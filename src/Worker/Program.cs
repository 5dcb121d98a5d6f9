using VaeFaces.Worker;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddVaeWorker(builder.Configuration);
builder.Build().Run();

using VaeFaces.Scheduler;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddScheduler(builder.Configuration);
var app = builder.Build();
app.MapScheduler();
app.Run();

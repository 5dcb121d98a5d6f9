using VaeFaces.Scheduler;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.Services.AddScheduler(builder.Configuration);
}
catch (SettingException error)
{
    // A wrong setting is an input error: one line naming it, no stack trace.
    Console.Error.WriteLine($"VaeFaces.Scheduler: {error.Message}");
    return 2;
}
var app = builder.Build();
app.MapScheduler();
app.Run();
return 0;

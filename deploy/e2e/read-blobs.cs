// Downloads blobs from the storage the connection string ConnectionStrings__Blobs names (the compose stack's Azurite in
// deploy/compose-e2e) with the Azure SDK, so no script signs Azure requests itself.
//   dotnet run deploy/e2e/read-blobs.cs -- OUTDIR CONTAINER/PATH...    writes OUTDIR/PATH for each, prints "PATH BYTES"
// A package, not the repo's VaeFaces.Storage project: a project reference would build into src/ (and make ./vaefaces
// rebuild); the version is the repo's (Directory.Packages.props). Azurite runs with --skipApiVersionCheck.
#:package Azure.Storage.Blobs
using Azure;
using Azure.Storage.Blobs;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: read-blobs OUTDIR CONTAINER/PATH...");
    return 2;
}
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Blobs");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("read-blobs: ConnectionStrings__Blobs is not set");
    return 2;
}
var service = new BlobServiceClient(connectionString);
foreach (var location in args.Skip(1))
{
    var slash = location.IndexOf('/');
    if (slash <= 0 || slash == location.Length - 1)
    {
        Console.Error.WriteLine($"read-blobs: '{location}' is not CONTAINER/PATH");
        return 2;
    }
    var target = Path.Combine(args[0], location[(slash + 1)..]);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
    try
    {
        await service.GetBlobContainerClient(location[..slash]).GetBlobClient(location[(slash + 1)..]).DownloadToAsync(target);
    }
    catch (RequestFailedException e)
    {
        Console.Error.WriteLine($"read-blobs: {location}: {e.Status} {e.ErrorCode}");
        return 1;
    }
    Console.WriteLine($"{location} {new FileInfo(target).Length}");
}
return 0;

Console.WriteLine("vaefaces");

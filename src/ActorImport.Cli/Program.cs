Console.WriteLine("actorimport");

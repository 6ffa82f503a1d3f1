using BreastSeg.Cli;

NativeStderrFilter.Install();
return CliApp.Run(args);

using BreastSeg.Cli;

return CliApp.Run(args);

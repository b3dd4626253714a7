"""The running application: start-up, the controller bridging Qt and the core,
windows and prompts, the instance socket."""

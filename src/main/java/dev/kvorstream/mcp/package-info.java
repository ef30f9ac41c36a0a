/**
 * {@code kv-or-stream mcp}: the engine as a Model Context Protocol server over stdio, for
 * coding agents. {@link dev.kvorstream.mcp.DecisionTools} holds the tools' work in plain
 * Java (maps in, maps and text out; no protocol types), so it is tested without a client;
 * {@link dev.kvorstream.mcp.StdioServer} registers those tools with the official MCP Java
 * SDK, the only classes here that touch it, and is loaded by the {@code mcp} command alone.
 * Also the agent skill that {@code kv-or-stream skill} prints or installs.
 */
package dev.kvorstream.mcp;

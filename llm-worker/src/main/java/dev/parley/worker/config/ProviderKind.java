package dev.parley.worker.config;

/** Which implementation serves a configured provider. */
public enum ProviderKind {
    /** The built-in deterministic provider. */
    MOCK,
    /** Any API speaking OpenAI's streaming chat completions (OpenAI, OpenRouter, vLLM, HF router, ...). */
    OPENAI_COMPATIBLE,
    /** Anthropic's Messages API. */
    ANTHROPIC
}

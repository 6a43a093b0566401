"""state-echo-app: one gr.State endpoint that answers each call with its own input.

/tag("x") returns "x#N", N being how many calls of this session (kept in gr.State) have run,
this one included: the text tells which call a result belongs to, the counter that every call
of the session ran once. Calls run concurrently (concurrency_limit=None), as many as come, so
the state is a list changed in place under a lock rather than a number read and written back.
"""

import threading

import gradio as gr

lock = threading.Lock()


def tag(text, calls):
    with lock:
        calls.append(text)
        count = len(calls)
    return f"{text}#{count}", calls


with gr.Blocks(title="state-echo-app") as demo:
    text = gr.Textbox(label="Text")
    calls = gr.State([])
    tagged = gr.Textbox(label="Tagged")
    gr.Button("tag").click(tag, [text, calls], [tagged, calls], api_name="tag", concurrency_limit=None)

if __name__ == "__main__":
    demo.queue().launch()

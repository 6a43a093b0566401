"""state-echo-app: one gr.State endpoint that answers each call with its own input.

/tag("x") returns "x#N", N being how many times this session has called /tag: the text tells
which call a result belongs to, the counter that every call of the session ran once.
"""

import gradio as gr


def tag(text, calls):
    calls = (calls or 0) + 1
    return f"{text}#{calls}", calls


with gr.Blocks(title="state-echo-app") as demo:
    text = gr.Textbox(label="Text")
    calls = gr.State(0)
    tagged = gr.Textbox(label="Tagged")
    gr.Button("tag").click(tag, [text, calls], [tagged, calls], api_name="tag")

if __name__ == "__main__":
    demo.queue().launch()

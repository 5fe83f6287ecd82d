package org.dailydl.benchmarks.corpus;

/**
 * The Chinese sentence frames, headings, formulas and code skeletons that articles are built from.
 * Slots: {@code {A}} the article's topic in Chinese, {@code {Ae}} in English, {@code {B}}/{@code {Be}}
 * and {@code {C}} related terms, {@code {N}} a number, {@code {P}} a percentage, {@code {Y}} a year,
 * {@code {M}} inline math, {@code {L}} a link to another article; in code, {@code {Camel}},
 * {@code {snake}} and {@code {act}}.
 */
final class Phrases {
  private Phrases() {}

  static final String[] SENTENCES = {
    "{A}（{Ae}）是{B}中最常用的方法之一。",
    "简单来说，{A}就是把输入映射到一个更容易处理的表示空间，再交给{B}完成后续的计算。",
    "在实际训练中，我们通常先用{A}处理输入，再把结果送入{B}。",
    "与{B}相比，{A}的优势在于计算量更小、收敛也更快，但对{C}更加敏感。",
    "很多初学者会把{A}和{B}混为一谈，其实两者解决的是不同的问题。",
    "{Ae} 最早出现在 {Y} 年的一篇论文里，后来逐渐成为{C}的标准组件。",
    "从数学上看，{A}可以写成 {M}，其中每一项都有明确的含义。",
    "如果数据规模较小，直接使用{B}往往就足够了；数据量上去以后，{A}的优势才会显现出来。",
    "需要注意的是，{A}的效果在很大程度上取决于{B}的设置，例如学习率和 batch size。",
    "实验表明，在 {N} 个公开数据集上，引入{A}之后准确率平均提升了 {P} 个百分点。",
    "这一步的时间复杂度是 $O(n^2)$，当序列很长时会成为瓶颈。",
    "我们可以把{A}理解为一种特殊的{B}，只不过它额外考虑了{C}。",
    "关于{B}的细节，可以参考{L}。",
    "{L}里已经详细推导过这个结论，这里只给出直观解释。",
    "在 PyTorch 中，{Ae} 通常只需要几行代码就能实现，下面会给出完整示例。",
    "面试中经常会问：{A}和{B}有什么区别？各自适用于什么场景？",
    "换句话说，{A}解决的正是{B}做不到的那部分问题。",
    "当 {M} 时，{A}退化为普通的{B}。",
    "为了避免过拟合，通常还会配合{B}和{C}一起使用。",
    "{A}的核心思想并不复杂：先计算每个位置的{B}，再按权重加权求和。",
    "这也是为什么很多工程实现会把{A}和{B}放在同一个模块里。",
    "在 {Ae} 的原始论文中，作者用 {N} 层网络在 ImageNet 上做了对比实验。",
    "值得一提的是，{A}对超参数并不敏感，默认设置通常就能得到不错的结果。",
    "假设输入是一个形状为 $(N, d)$ 的矩阵，{A}会输出同样形状的结果。",
    "{B}和{C}都可以看作{A}的特例。",
    "本文先介绍{A}的基本概念，然后推导公式，最后给出代码实现。",
    "如果你还不熟悉{B}，建议先阅读{L}。",
    "训练时{A}的损失会先快速下降，随后在第 {N} 个 epoch 左右趋于平稳。",
    "{Ae}（中文常译作“{A}”）这个名字本身就说明了它的作用。",
    "与传统的{B}不同，{A}不需要人工设计特征。",
    "在大规模场景下，{A}常常与{B}结合，以降低显存占用。",
    "直观地看，{M} 越大，说明{A}越关注这一部分输入。",
    "对比 {Be} 和 {Ae}，前者更稳定，后者更灵活。",
    "很多框架（如 TensorFlow、PyTorch、PaddlePaddle）都内置了{A}的实现。",
    "这个结论看似简单，却是理解{C}的关键。",
    "因此，在设计模型时要权衡{A}带来的收益和额外的计算开销。",
    "{A}的一个常见误区是忽略了{B}，导致结果难以复现。",
    "我们用一个具体的例子来说明：假设有 {N} 个样本，每个样本有 {N} 个特征。",
    "在这里，{A}的作用类似于{B}，但粒度更细。",
    "总之，掌握{A}之后，再去看{C}就容易多了。",
    "为什么{A}能够提升模型的泛化能力？一个常见的解释和{B}有关。",
    "scikit-learn 里的 {Ae} 接口和其他估计器一致，调用 fit 和 predict 即可。",
  };

  static final String[] OPENERS = {"因此，", "另外，", "此外，", "实际上，", "一般来说，", "具体来说，", "首先，",
    "其次，", "例如，", "同样地，"};

  static final String[] SUMMARIES = {
    "本文从直觉出发介绍{A}（{Ae}），推导其公式，并与{B}做对比，最后给出 PyTorch 实现。",
    "整理{A}的核心概念、常见面试题和代码示例，重点解释它与{B}、{C}的关系。",
    "一篇关于{Ae}的学习笔记：为什么需要{A}，它怎样工作，以及在实践中如何调参。",
  };

  static final String[] SUBTITLES = {"原理、推导与 PyTorch 实现", "从直觉到公式", "一文读懂", "面试必备知识点",
    "学习笔记", "代码实战", "核心解析"};

  static final String[] H2 = {"{A}的基本原理", "为什么需要{A}", "{Ae} 的数学推导", "{A}的代码实现", "{A}与{B}的区别",
    "常见问题", "面试题", "实验与结果", "{A}的变体", "应用场景", "训练技巧", "直观理解", "{B}回顾", "复杂度分析"};

  static final String[] H3 = {"第{N}步：{B}", "{N}. {B}", "{Be}", "一个例子", "注意事项", "{B}的作用"};

  static final String[] INLINE_MATH = {"$x_i$", "$W \\in \\mathbb{R}^{d \\times k}$", "$\\alpha_{ij}$",
    "$O(n \\log n)$", "$\\sigma(z) = 1/(1+e^{-z})$", "$\\lambda \\|w\\|_2^2$", "$\\hat{y}$", "$p(y \\mid x)$",
    "$\\sqrt{d_k}$", "$\\eta = 10^{-3}$", "$\\theta_{t+1}$", "$\\mathbf{h}_t$", "$\\beta_1 = 0.9$"};

  static final String[] DISPLAY_MATH = {
    "\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\left(\\frac{QK^{\\top}}{\\sqrt{d_k}}\\right)V",
    "\\mathcal{L}(\\theta) = -\\frac{1}{N}\\sum_{i=1}^{N} \\sum_{c=1}^{C} y_{ic} \\log \\hat{y}_{ic}",
    "\\theta_{t+1} = \\theta_t - \\eta \\nabla_{\\theta} \\mathcal{L}(\\theta_t)",
    "\\hat{x}_i = \\frac{x_i - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}, \\quad y_i = \\gamma \\hat{x}_i + \\beta",
    "\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}",
    "m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t, \\qquad v_t = \\beta_2 v_{t-1} + (1 - \\beta_2) g_t^2",
    "h_t = \\tanh\\left(W_{hh} h_{t-1} + W_{xh} x_t + b_h\\right)",
    "J(w) = \\frac{1}{2m} \\sum_{i=1}^{m} \\left(h_w(x^{(i)}) - y^{(i)}\\right)^2 + \\frac{\\lambda}{2m} \\|w\\|^2",
    "P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}",
    "\\mathrm{PE}_{(pos, 2i)} = \\sin\\left(pos / 10000^{2i / d_{\\text{model}}}\\right)",
    "D_{\\mathrm{KL}}(P \\parallel Q) = \\sum_{x} P(x) \\log \\frac{P(x)}{Q(x)}",
    "\\min_G \\max_D \\; \\mathbb{E}_{x \\sim p_{data}}[\\log D(x)] + \\mathbb{E}_{z \\sim p_z}[\\log(1 - D(G(z)))]",
    "Q(s, a) \\leftarrow Q(s, a) + \\alpha \\left[r + \\gamma \\max_{a'} Q(s', a') - Q(s, a)\\right]",
    "\\mathrm{F1} = \\frac{2 \\cdot \\mathrm{precision} \\cdot \\mathrm{recall}}{\\mathrm{precision} + \\mathrm{recall}}",
  };

  static final String[] PROS = {"实现简单", "收敛快", "可解释性强", "显存占用小", "适合大规模数据", "对噪声鲁棒", "易于并行"};
  static final String[] CONS = {"计算量大", "对超参数敏感", "需要大量数据", "训练不稳定", "难以并行", "容易过拟合", "推理速度慢"};
  static final String[][] HYPERPARAMETERS = {{"learning_rate", "1e-3", "学习率，过大容易发散"},
    {"batch_size", "32 / 64 / 256", "批大小，受显存限制"}, {"dropout", "0.1", "随机失活比例"},
    {"weight_decay", "0.01", "L2 正则化系数"}, {"warmup_steps", "4000", "学习率预热步数"},
    {"hidden_size", "768", "隐藏层维度"}, {"num_heads", "12", "注意力头数"}, {"num_layers", "6", "层数"},
    {"epsilon", "1e-8", "防止除零"}, {"momentum", "0.9", "动量系数"}};

  static final String[] CODE = {
    """
    import torch
    import torch.nn as nn
    import torch.nn.functional as F


    class {Camel}(nn.Module):
        \"\"\"{A}的一个最小实现。\"\"\"

        def __init__(self, hidden_size: int = {N}, dropout: float = 0.1):
            super().__init__()
            self.{snake}_proj = nn.Linear(hidden_size, hidden_size)
            self.layer_norm = nn.LayerNorm(hidden_size)
            self.dropout = nn.Dropout(dropout)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            # 先做线性变换，再经过激活函数和残差连接
            h = F.{act}(self.{snake}_proj(x))
            return self.layer_norm(x + self.dropout(h))
    """,
    """
    import numpy as np


    def compute_{snake}(X, y, learning_rate=0.01, num_iters={N}):
        \"\"\"用 numpy 实现{A}，返回权重和范数。\"\"\"
        n_samples, n_features = X.shape
        weights = np.zeros(n_features)
        for step in range(num_iters):
            logits = X @ weights
            grad = X.T @ (logits - y) / n_samples
            weights -= learning_rate * grad
        return weights, np.linalg.norm(weights)
    """,
    """
    import pandas as pd

    df = pd.read_csv("data/{snake}.csv")
    df = df.dropna(subset=["label"])
    df["{snake}_score"] = df.groupby("category")["value"].transform("mean")
    print(df.describe())
    print(df.sort_values("{snake}_score", ascending=False).head({N}))
    """,
    """
    from sklearn.model_selection import train_test_split
    from sklearn.metrics import accuracy_score

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    model = {Camel}Classifier(max_iter={N})
    model.fit(X_train, y_train)
    y_pred = model.predict(X_test)
    print("accuracy:", accuracy_score(y_test, y_pred))
    """,
    """
    def train_one_epoch(model, loader, optimizer, device="cuda"):
        model.train()
        total_loss = 0.0
        for batch_idx, (inputs, targets) in enumerate(loader):
            inputs, targets = inputs.to(device), targets.to(device)
            optimizer.zero_grad()
            loss = F.cross_entropy(model(inputs), targets)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
            total_loss += loss.item()
        return total_loss / len(loader)
    """,
  };

  static final String[] ACTIVATIONS = {"relu", "gelu", "silu", "tanh", "sigmoid", "leaky_relu"};
}
